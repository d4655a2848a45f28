import { readSettings, ConfigError, type Settings } from '../../src/server/settings.ts';

/** The deployment's settings for a CLI script; a bad one ends the script with its name (exit 2). */
export function cliSettings(): Settings {
  try {
    return readSettings();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}
