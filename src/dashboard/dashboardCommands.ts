import * as vscode from 'vscode';
import type { DashboardPanel } from './dashboardPanel';

/** "ML Prep: Show Progress". */
export function registerDashboardCommands(dashboard: DashboardPanel): vscode.Disposable {
  return vscode.commands.registerCommand('mlPrep.showProgress', () => dashboard.show());
}
