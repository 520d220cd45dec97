/**
 * @kasseika/finance — the financial engine. Pure functions; every result carries its explanation steps.
 */
export {};
