using System.IO.Pipelines;
using System.Security.Cryptography;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
var app = builder.Build();
app.MapGet("/health", () => Results.Ok(new { status = "Healthy" }));
// The floor for an upload over HTTP on this machine: the body read and thrown away (ma boîte SPRO's benchmark).
app.MapPost("/discard", async (HttpRequest request) => Results.Ok(await ReadAsync(request.BodyReader, null, null)));
// Ceilings for the same benchmark, mapped only when it asks (the start-up yardstick stays one route): the least any store must
// do with the bytes, without accounts, quotas or a database.
if (app.Configuration.GetValue<bool>("Bare:UploadCeilings"))
{
    app.MapPost("/hash", async (HttpRequest request) =>
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        return Results.Ok(await ReadAsync(request.BodyReader, hash, null));
    });
    app.MapPost("/store", async (HttpRequest request) =>
    {
        var path = Path.Combine(Path.GetTempPath(), $"bare-{Guid.NewGuid():N}");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
            var size = await ReadAsync(request.BodyReader, hash, file);
            RandomAccess.FlushToDisk(file); // the early syncs ran on the read's thread meanwhile: only the tail is left
            return Results.Ok(size);
        }
        finally
        {
            File.Delete(path);
        }
    });
}
app.Run();

// Each buffer Kestrel hands over, hashed and written where it lies and handed to the disk every 64 MB in the background (as the
// platform's store does), or only counted.
static async Task<long> ReadAsync(PipeReader body, IncrementalHash? hash, Microsoft.Win32.SafeHandles.SafeFileHandle? file)
{
    long size = 0, synced = 0;
    var sync = Task.CompletedTask;
    var segments = new List<ReadOnlyMemory<byte>>(64);
    while (true)
    {
        var read = await body.ReadAsync();
        segments.Clear();
        foreach (var segment in read.Buffer)
        {
            hash?.AppendData(segment.Span);
            segments.Add(segment);
        }
        if (file is not null) RandomAccess.Write(file, segments, size);
        size += read.Buffer.Length;
        body.AdvanceTo(read.Buffer.End);
        if (file is not null && size - synced >= 64L << 20 && sync.IsCompleted)
        {
            synced = size;
            sync = Task.Run(() => RandomAccess.FlushToDisk(file));
        }
        if (read.IsCompleted)
        {
            await sync;
            return size;
        }
    }
}
