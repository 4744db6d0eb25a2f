// Test helpers: throwaway projects on disk and a Markdown-to-HTML shortcut through the real pipeline.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArticle } from '@selfhelp/core';
import { markTokensAndDropComments, renderBody, type RenderedBody } from '@selfhelp/catalog';

const made: string[] = [];

/** Writes `files` (relative path -> text) under a new temporary directory and returns it. */
export function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'selfhelp-catalog-'));
  made.push(dir);
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const path = join(dir, ...rel.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

export function cleanup(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir` (relative path -> bytes as a string), for byte-for-byte comparisons. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string): void => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs, `${prefix}${name}/`);
      else out[`${prefix}${name}`] = readFileSync(abs, 'latin1');
    }
  };
  walk(dir, '');
  return out;
}

/** Renders a Markdown body (no metadata) exactly as the compiler does. */
export function render(markdown: string): RenderedBody {
  const article = parseArticle(markdown, { path: 'test.md' });
  markTokensAndDropComments(article.tree);
  return renderBody(article.tree);
}

export function html(markdown: string): string {
  return render(markdown).html;
}

/** The fixture project used by most tests: three self-help articles, one include, a Learn page and a loose fragment. */
export const FIXTURE: Record<string, string> = {
  'articles/vm/restart-diagnostic.md': `<properties
  pageTitle="Your machine restarted on its own"
  description="A diagnostic that explains unexpected restarts."
  service="microsoft.compute"
  resource="virtualmachines"
  authors="writer-one, writer-two"
  ms.author="writerone"
  displayOrder="3"
  articleId="vm-restart-diagnostic"
  diagnosticScenario="VmUnexpectedRestart"
  selfHelpType="Diagnostics"
  supportTopicIds="1001, 1002"
  productPesIds="2001"
  cloudEnvironments="Public, Fairfax, Mooncake"
  disableClouds="mooncake"
/>

# Your machine restarted on its own

<!--issueDescription-->
On <!--$eventTime-->eventTime<!--/$eventTime--> the machine <!--$vmName--> vmName <!--/$vmName--> restarted.
<!--/issueDescription-->

Start with [the guide](https://learn.example.com/guide).

## What to do

1. Open the [restart history](data-blade:Microsoft_Azure_Compute.RestartHistoryBlade).
2. Check <!--$vmName-->vmName<!--/$vmName--> again.

[!INCLUDE [note](../../includes/restart-note.md)]
`,
  'articles/storage/upload-form.md': `<properties
  pageTitle="Upload problems"
  description="Questions about upload problems"
  authors="writer-three"
  selfHelpType="problemScopingQuestions"
  supportTopicIds="3001"
  productPesIds="4001, 4002"
  cloudEnvironments="public, usnat"
  articleId="storage-upload-form"
/>

# Upload problems
---
{
  "title": "Upload problems",
  "formElements": [
    { "id": "started", "order": 1, "controlType": "datetimepicker", "displayLabel": "When did it start?", "required": true }
  ]
}
---
`,
  'articles/topics/st-5000.md': `<properties
  pagetitle="Topic descriptions for 5000"
  description="Topic descriptions"
  selfhelptype="supporttopicdescription"
  productpesids="5000"
  cloudenvironments="public, fairfax, blackforest, mooncake, usnat, ussec"
  articleid="st-5000" />
# Topic descriptions for 5000
---
{ "supportTopics": [ { "id": "5000-a", "shortDescription": "Sign-in trouble" } ] }
---
`,
  'articles/docs/learn-page.md': `---
title: A Learn page
description: Not a self-help article.
ms.topic: overview
---

# A Learn page

Learn content.
`,
  'articles/snippets/loose-fragment.md': `Some shared words with no metadata.
`,
  'includes/restart-note.md': `> A shared note about restarts. See [the status page](https://status.example.com).
`,
};
