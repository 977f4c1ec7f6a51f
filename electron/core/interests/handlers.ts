// Declarations of interest: the register, the declarations made at meetings, the signature block setting.
import type { interestsMethods } from '../../../shared/contract/interests';
import { onStore, type FeatureHandlers } from '../handler';
import { getDeclarations, recordDeclaration, removeDeclaration } from './declarations';
import { getPublishingSettings, listInterests, removeInterest, saveInterest, setSignatureBlock } from './register';

export const interestsHandlers: FeatureHandlers<typeof interestsMethods> = {
  listInterests: onStore(listInterests),
  saveInterest: onStore(saveInterest),
  removeInterest: onStore(removeInterest),
  getDeclarations: onStore(getDeclarations),
  recordDeclaration: onStore(recordDeclaration),
  removeDeclaration: onStore(removeDeclaration),
  getPublishingSettings: onStore(getPublishingSettings),
  setSignatureBlock: onStore(setSignatureBlock),
};
