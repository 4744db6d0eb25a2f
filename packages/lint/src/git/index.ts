// Git plumbing for `selfhelp lint --staged` / `--changed-since` and `selfhelp hook`.
export { GitError, NotAGitRepositoryError, type GitErrorCode } from './errors.js';
export { findRepoRoot, hasHead, hooksDir, resolveCommit, objectFormat, emptyTree, isShallow, EMPTY_TREE_SHA1, EMPTY_TREE_SHA256 } from './repo.js';
export { isMarkdownPath } from './paths.js';
export type { ChangeSet, ChangedFile, ChangeStatus } from './raw-diff.js';
export { stagedChanges } from './staged.js';
export { changedSince, type ChangedSince } from './changed.js';
export { listIndex, readIndexBlobs, blobId, type IndexEntry, type StagedBlob } from './index-blobs.js';
export { stagedTree, type StagedTree, type StagedTreeOptions } from './staged-tree.js';
export { hasUnstagedChanges, restage, applyStagedFixes, type StagedFix, type StagedFixOutcome } from './fix-staged.js';
export { CatFileBatch } from './cat-file.js';
export { stagedContentSource, type StagedContentSource } from './staged-source.js';
export { stagedPlan, changedSincePlan, type GitInputPlan, type GitPlanOptions } from './plan.js';
