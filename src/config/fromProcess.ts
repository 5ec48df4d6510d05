import dotenv from 'dotenv';
import { ConfigError } from './env';
import { Config, loadConfig } from './index';

/**
 * For command-line entry points: reads a local .env, then the environment, and on a bad value
 * prints one line naming the variable (prefixed with the program's name) and exits with 1.
 */
export function configFromProcessOrExit(program: string): Config {
  dotenv.config({ quiet: true });
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${program}: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
