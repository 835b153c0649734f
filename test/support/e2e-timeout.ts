// End-to-end specs wait for queues and servers; give them room, bounded.
jest.setTimeout(60_000);
