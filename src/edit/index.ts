// In-place edits of YAML source text (comments, order and layout kept).
export { setProgressValue, setProgressValues, setTaskProgress, scalarText, YamlEditError } from './yaml-values.js';
export type { ValueEdit, TaskEdit, EditScalar } from './yaml-values.js';
export { rewriteList, setScalarAt, type ListItem, type YamlPath } from './yaml-paths.js';
