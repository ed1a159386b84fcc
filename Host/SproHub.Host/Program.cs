using SproHub.Host;
using SproHub.Host.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddSproHub();
var app = builder.Build();
app.UseSproHub();
await app.PrepareDatabaseAsync();
if (args.Contains("migrate")) return; // `dotnet SproHub.Host.dll migrate`: apply migrations and seeds, then stop.
await app.RunAsync();

public partial class Program;
