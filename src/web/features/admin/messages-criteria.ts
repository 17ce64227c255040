export const criteriaMessages = {} as const;
