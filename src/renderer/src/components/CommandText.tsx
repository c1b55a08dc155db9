/**
 * A shell command that breaks only at its spaces and after '/', '=', ',' or ':' (WholeWords, break-points.ts):
 * browsers also break after a hyphen, so `kubectl … -n lab-stuck` wrapped as "-" / "n lab-stuck" and read as
 * another command (trial 3 of issue 8, defect 16), and `metadata.name=storage-example-com-absent` as
 * «storage-example-com-» / «absent» (trial 5, N-D10). The text copied by selection is the command as it is; the
 * Copy button beside it copies the exact command.
 */
import { WholeWords } from './WholeWords';

export function CommandText({ text }: { text: string }) {
  return <WholeWords text={text} />;
}
