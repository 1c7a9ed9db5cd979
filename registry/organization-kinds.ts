/** The kinds an organisation row may have (the check constraint of `organizations.kind`), with Chinese names. */
export const organizationKindLabels = {
  ministry: '应急管理部',
  province: '省级应急管理厅',
  city: '市级应急管理局',
  county: '县级应急管理局',
  park: '化工园区',
  enterprise: '企业',
} as const;

export type OrganizationKind = keyof typeof organizationKindLabels;
