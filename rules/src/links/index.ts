import type { SelfhelpRule } from '../define.js';
import { imageAlt } from './image-alt.js';
import { linkAnchor } from './link-anchor.js';
import { linkBlade } from './link-blade.js';
import { linkCloudHost } from './link-cloud-host.js';
import { linkHttps } from './link-https.js';
import { linkLearnHost } from './link-learn-host.js';
import { linkLocale } from './link-locale.js';
import { linkPlatform } from './link-platform.js';
import { linkRelative } from './link-relative.js';
import { linkReviewHost } from './link-review-host.js';
import { linkScheme } from './link-scheme.js';
import { linkShortener } from './link-shortener.js';
import { linkSyntax } from './link-syntax.js';

/** Offline link rules, registered here as they are written. */
export const linkRules: SelfhelpRule[] = [linkSyntax, linkScheme, linkLocale, linkShortener, linkReviewHost, linkHttps, linkLearnHost, linkCloudHost, linkBlade, linkRelative, linkAnchor, imageAlt, linkPlatform];
