using SproHub.Host;
using SproHub.Host.Platform;
using SproHub.Host.Platform.Startup;

var startup = new StartupTimeline(); // where start-up time goes, logged at the first 200 of /health
var builder = WebApplication.CreateBuilder(args);
startup.Phase("configuration");
builder.AddSproHub(startup);
var app = builder.Build();
startup.Phase("conteneur de services");
app.UseSproHub();
startup.Phase("pipeline et routes");
// `migrate`, `rotate-key cellule`...: prepare the database, run the command, stop (docs/operations.md).
if (await MaintenanceCommands.RunAsync(app, args) is { } exitCode) return exitCode;
await app.RunAsync(); // the database is prepared once the server listens; requests wait for it.
return 0;

public partial class Program;
