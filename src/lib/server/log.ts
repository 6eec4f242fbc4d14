// Structured logs: one JSON object per line on stdout/stderr, easy to ship and grep.
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
	const wanted = (process.env.LOG_LEVEL ?? 'info') as Level;
	return ORDER[wanted] ?? ORDER.info;
}

function write(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
	if (ORDER[level] < threshold()) return;
	const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }, (_k, v) =>
		v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v
	);
	if (level === 'error' || level === 'warn') process.stderr.write(line + '\n');
	else process.stdout.write(line + '\n');
}

export const log = {
	debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
	info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
	warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
	error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields)
};
