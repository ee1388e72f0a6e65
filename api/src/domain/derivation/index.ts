/**
 * The derivation core: procedures derived from a process or workflow (WHAT → WHO) and work instructions
 * from procedures (WHO → HOW). Plain TypeScript, like the rest of src/domain.
 */
export {
  deriveSteps,
  stepKey,
  type DerivationModel,
  type DerivationSource,
  type DerivedStep,
  type SourceActivity,
} from './derive';
export { planRederivation, type PlannedStep, type RederivationPlan, type StoredStep } from './rederive';
export { outOfDateReasons } from './out-of-date';
export { assertSingleAccountable, normaliseRaci, RACI_LETTERS, type Raci } from './responsibilities';
export {
  combineCompleteness,
  measureCompleteness,
  type Completeness,
  type CompletenessInstruction,
  type CompletenessResponsibility,
  type CompletenessStep,
} from './completeness';
export { isInstructionObsolete, missingWorkInstructions, type InstructionKey } from './work-instructions';
