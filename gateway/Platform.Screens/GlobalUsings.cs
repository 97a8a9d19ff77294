// The screens' wiring (the cookie scheme the pages forbid and read tokens with), the channels and reads across the
// bodies (Platform.JointPlanning.Reads), and the generated client of platform.jointplanning.v1.JointPlanningService,
// which the pages hold per body.
global using Platform.JointPlanning.Reads;
global using Platform.Screens.Extensions;
global using JointPlanningClient = Platform.JointPlanning.V1.JointPlanningService.JointPlanningServiceClient;
