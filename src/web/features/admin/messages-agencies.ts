export const agencyMessages = {} as const;
