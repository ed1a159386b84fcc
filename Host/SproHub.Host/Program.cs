using SproHub.Host;
using SproHub.Host.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddSproHub();
var app = builder.Build();
app.UseSproHub();
// `migrate`, `rotate-key cellule`...: prepare the database, run the command, stop (docs/operations.md).
if (await MaintenanceCommands.RunAsync(app, args) is { } exitCode) return exitCode;
await app.RunAsync(); // the database is prepared once the server listens; requests wait for it.
return 0;

public partial class Program;
