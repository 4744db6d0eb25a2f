// Whether a report written to a stream gets colour: NO_COLOR (https://no-color.org) turns it off,
// FORCE_COLOR on, otherwise only a terminal gets it.
export function colorEnabled(stream: NodeJS.WriteStream): boolean {
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}
