using SproHub.Host;
using SproHub.Host.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddSproHub();
var app = builder.Build();
app.UseSproHub();
if (args.Contains("migrate"))
{
    // `dotnet SproHub.Host.dll migrate`: apply migrations and seeds, then stop.
    await app.PrepareDatabaseAsync();
    return;
}
await app.RunAsync(); // the database is prepared while the server starts; requests wait for it.

public partial class Program;
