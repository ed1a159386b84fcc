var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
var app = builder.Build();
app.MapGet("/health", () => Results.Ok(new { status = "Healthy" }));
// The floor for an upload over HTTP on this machine: the body read and thrown away (ma boîte SPRO's benchmark).
app.MapPost("/discard", async (HttpRequest request) =>
{
    var buffer = new byte[81920];
    long size = 0;
    int read;
    while ((read = await request.Body.ReadAsync(buffer)) > 0) size += read;
    return Results.Ok(size);
});
app.Run();
