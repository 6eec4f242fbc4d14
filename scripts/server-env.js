// Imported first by server.js, before adapter-node reads its environment.
// Without ORIGIN or PROTOCOL_HEADER, adapter-node assumes https and refuses form posts made
// over plain http on a LAN (a trainer's laptop at http://192.168.x.x:3000). server.js then
// tells it the real protocol of each connection through this private header, which it
// overwrites on every request so a client cannot spoof it.
export const PROTOCOL_HEADER = 'x-lianbing-protocol';

if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) {
	process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
}
process.env.BODY_SIZE_LIMIT ??= '20M';
