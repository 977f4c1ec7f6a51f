// The app's version, from package.json: stamped on data-file status and on every PDF. A leaf
// module, so publication can name it without importing the session that opens files.
import { version } from '../../package.json';

export const APP_VERSION: string = version;
