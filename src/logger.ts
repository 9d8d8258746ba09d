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
  return dropDisabledLevelsEarly(winston.createLogger({
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
  }));
}

const LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

/**
 * winston runs every line through the stream and the whole format chain (redaction, JSON) before a
 * transport drops it for its level, so a debug line costs as much as a written one (pipeline bench:
 * a few percent of a worker's CPU at LOG_LEVEL=error). Lines of a disabled level are dropped at the
 * call instead. Child loggers inherit these methods; a level changed at run time is honoured.
 */
function dropDisabledLevelsEarly(logger: Logger): Logger {
  const proto = Object.getPrototypeOf(logger) as Record<string, unknown>;
  for (const level of LEVELS) {
    const write = proto[level] as (...args: unknown[]) => Logger;
    proto[level] = function (this: Logger, ...args: unknown[]) {
      return this.isLevelEnabled(level) ? write.apply(this, args) : this;
    };
  }
  const log = proto['log'] as (...args: unknown[]) => Logger;
  proto['log'] = function (this: Logger, ...args: unknown[]) {
    const level = typeof args[0] === 'string' ? args[0] : (args[0] as { level?: unknown } | undefined)?.level;
    return typeof level === 'string' && !this.isLevelEnabled(level) ? this : log.apply(this, args);
  };
  return logger;
}
