/**
 * @hotline/upstream-sim — offline: a simulator of the city 12345 platform (`npm run sim:12345`), a real
 * HTTP server used by the end-to-end tests and for demos. Never loaded by the API or the worker.
 */
export { CitySimulator, type SentRequest, type SimulatorMode, type SimulatorOptions, type Tamper } from './city-simulator';
export { sampleOrder } from './sample-order';
