/** What a certificate or inspection expiry warning is about (`GET /api/expiry-warnings` items' `kind`). */
export const expiryKindLabels = {
  driver_certificate: '驾驶员从业资格证',
  escort_certificate: '押运员从业资格证',
  vehicle_inspection: '车辆年检',
} as const;

export type ExpiryKind = keyof typeof expiryKindLabels;
