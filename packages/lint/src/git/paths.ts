// Which paths the git helpers hand to the linter.

/** Markdown files, as selfhelp lints them: a `.md` extension in any case. */
export function isMarkdownPath(repoPath: string): boolean {
  return /\.md$/i.test(repoPath);
}

/** Git file modes of regular files; symbolic links (120000) and submodules (160000) are never linted. */
export function isRegularFileMode(mode: string): boolean {
  return mode === '100644' || mode === '100755';
}

/** Sorts repository paths by code units, as git does, independent of the locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
