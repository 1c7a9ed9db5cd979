import type { RegistryModule } from '../registry-module.ts';
import { enterprisesModule } from './enterprises.ts';
import { enterpriseUnitsModule } from './enterprise-units.ts';
import { hazardSourcesModule } from './hazard-sources.ts';
import { tanksModule } from './tanks.ts';
import { devicesModule } from './devices.ts';
import { camerasModule } from './cameras.ts';
import { vehiclesModule } from './vehicles.ts';
import { transportStaffModule } from './transport-staff.ts';
import { waybillsModule } from './waybills.ts';
import { geofencesModule } from './geofences.ts';
import { emergencyResourcesModule } from './emergency-resources.ts';

/** Every registry module, in menu order. */
export const registryModules: RegistryModule[] = [
  enterprisesModule,
  enterpriseUnitsModule,
  hazardSourcesModule,
  tanksModule,
  devicesModule,
  camerasModule,
  vehiclesModule,
  transportStaffModule,
  waybillsModule,
  geofencesModule,
  emergencyResourcesModule,
];
