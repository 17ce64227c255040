export const userMessages = {} as const;
