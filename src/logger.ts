import winston from 'winston';
import { redactSecrets } from './redact.js';

export type Logger = winston.Logger;
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface LoggerOptions {
  level: LogLevel;
  /** Where lines go; defaults to stdout. Tests pass a capture stream. */
  stream?: NodeJS.WritableStream;
}

const redactFormat = winston.format((info) => redactSecrets(info) as winston.Logform.TransformableInfo);

/**
 * The one base logger, built by an entrypoint and passed down. Every line is one JSON object with
 * `level`, `time`, and whatever context the child loggers add (`component`, `jobId`, `deliveryId`).
 */
export function createLogger(options: LoggerOptions): Logger {
  const transport = options.stream
    ? new winston.transports.Stream({ stream: options.stream })
    : new winston.transports.Console();
  return winston.createLogger({
    level: options.level,
    format: winston.format.combine(
      winston.format.errors({ stack: true }),
      redactFormat(),
      winston.format.timestamp({ alias: 'time' }),
      winston.format((info) => {
        delete info['timestamp'];
        return info;
      })(),
      winston.format.json(),
    ),
    transports: [transport],
  });
}
