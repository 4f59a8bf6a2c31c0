// Kept for modules written before src/io existed: outputs are written by src/io.
export { writeFileAtomic } from '../io/write.js';
