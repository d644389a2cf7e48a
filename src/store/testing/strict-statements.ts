import { StatementsByShape } from '../statements-by-shape.ts';

// Every test that writes a statement kept by shape checks its listed parameters against the builder's.
StatementsByShape.throwOnMismatch = true;
