import { buildDoctorReport } from '../services/doctor-report.js';
import type { Handler } from './types.js';

export const doctor: Handler<'doctor'> = (_req, ctx) => buildDoctorReport(ctx);
