using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SproHub.Bench;

/// <summary>
/// ma boîte SPRO's storage, on the demo person's space in Orléans: a 1 GB upload against a plain copy of the same file on the
/// same disk, with the host's memory sampled meanwhile; 50 simultaneous uploads against the little room left; a folder of
/// 10,000 files listed.
/// </summary>
internal static class MaBoiteStorage
{
    public const string Api = "/api/territories/orleans/ma-boite";
    public const long BigFile = 1_000_000_000;
    public const int Concurrent = 50;
    public const int SmallFile = 2 * 1024 * 1024;
    public const int FolderFiles = 10_000;

    public sealed record Result(double CopySeconds, double UploadSeconds, double RssBefore, double RssPeak, int Accepted, int Refused, long RoomBefore,
        long UsedAfter, long QuotaBytes, bool Exact, List<(int Clients, Load.Result Result)> Listing);

    public static async Task<Result> RunAsync(Server server, string work)
    {
        using var jade = await ReceptionGuide.SignInAsync(server.Url, "personne@orleans.demo");
        jade.Timeout = TimeSpan.FromMinutes(10);
        await jade.GetAsync($"{Api}/space");

        // 1. A plain copy of a 1 GB file, then the same file uploaded (streamed) to the platform.
        var source = Path.Combine(work, "source.pdf");
        await WriteSampleAsync(source, BigFile);
        var copy = Stopwatch.StartNew();
        File.Copy(source, Path.Combine(work, "copy.pdf"), overwrite: true);
        copy.Stop();
        File.Delete(Path.Combine(work, "copy.pdf"));

        var rssBefore = server.ResidentMegabytes();
        var peak = rssBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, server.ResidentMegabytes());
                await Task.Delay(20);
            }
        });
        var upload = Stopwatch.StartNew();
        await using (var file = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
        {
            var content = new StreamContent(file, 81920);
            content.Headers.ContentLength = BigFile;
            var response = await jade.PostAsync($"{Api}/files?name=gros-fichier.pdf", content);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
        }
        upload.Stop();
        await sampling.CancelAsync();
        await sampler;
        File.Delete(source);

        // 2. 50 uploads of 2 MB at once against what is left.
        var space = await jade.GetFromJsonAsync<JsonElement>($"{Api}/space");
        var quota = space.GetProperty("quotaBytes").GetInt64();
        var room = quota - space.GetProperty("usedBytes").GetInt64();
        var small = Sample(SmallFile);
        var answers = await Task.WhenAll(Enumerable.Range(0, Concurrent).Select(i =>
            jade.PostAsync($"{Api}/files?name=piece-{i}.pdf", new ByteArrayContent(small))));
        var accepted = answers.Count(a => a.IsSuccessStatusCode);
        var used = (await jade.GetFromJsonAsync<JsonElement>($"{Api}/space")).GetProperty("usedBytes").GetInt64();
        var exact = used == quota - room + (long)accepted * SmallFile && used <= quota;

        // 3. A folder of 10,000 files (rows written straight to the database; listing never opens the bytes).
        var folder = (await (await jade.PostAsJsonAsync($"{Api}/folders", new { name = "Archives" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        SeedFolder(Path.Combine(work, "sprohub.db"), Guid.Parse(folder));
        string List(int _) => $"{Api}/files?folderId={folder}";
        await Load.RunAsync(jade, List, 30, 2); // warm-up
        var listing = new List<(int, Load.Result)>();
        foreach (var clients in new[] { 1, 4 }) listing.Add((clients, await Load.RunAsync(jade, List, clients == 1 ? 100 : 200, clients)));
        return new Result(copy.Elapsed.TotalSeconds, upload.Elapsed.TotalSeconds, rssBefore, peak, accepted, Concurrent - accepted, room, used, quota, exact, listing);
    }

    private static byte[] Sample(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    private static async Task WriteSampleAsync(string path, long size)
    {
        var block = Sample(4 * 1024 * 1024);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, useAsync: true);
        for (long written = 0; written < size; written += block.Length)
        {
            await file.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, size - written)));
            if (written == 0) "%PDF-1.7\n"u8.CopyTo(block); // keep the header only at the start; the rest is just bytes
            block[10] ^= 0x5A;
        }
        await file.FlushAsync();
        // The copy below reads it from the disk, not from this process's writes still in flight.
    }

    private static void SeedFolder(string database, Guid folder)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        var space = (string)Sql.Command(connection, $"SELECT \"SpaceId\" FROM ma_boite_folders WHERE \"Id\" = '{folder.ToString().ToUpperInvariant()}'").ExecuteScalar()!;
        using var transaction = connection.BeginTransaction();
        using var insert = Sql.Command(connection, "INSERT INTO ma_boite_documents (\"Id\", \"TerritoryId\", \"SpaceId\", \"FolderId\", \"Name\", \"ContentType\", \"Size\", \"Sha256\", \"StoreId\", \"UploadedAt\", \"Version\") "
            + "VALUES ($id, 'orleans', $space, $folder, $name, 'application/pdf', 1000, $sha, $store, $at, 1)");
        insert.Transaction = transaction;
        var at = DateTimeOffset.UtcNow.AddYears(-1);
        for (var i = 0; i < FolderFiles; i++)
            Sql.Run(insert, ("$id", Sql.Id()), ("$space", space), ("$folder", folder.ToString().ToUpperInvariant()), ("$name", $"Bulletin {i:00000} — {Names[i % Names.Length]}.pdf"),
                ("$sha", new string('a', 64)), ("$store", Sql.Id()), ("$at", Sql.Instant(at.AddMinutes(i))));
        transaction.Commit();
    }

    private static readonly string[] Names = ["relevé de notes", "attestation de stage", "lettre de motivation", "certificat", "diplôme", "évaluation"];

    public static string Report(Result r)
    {
        var md = new StringBuilder();
        string Ok(bool pass) => pass ? "✅" : "❌";
        var copyRate = BigFile / 1e6 / r.CopySeconds;
        var uploadRate = BigFile / 1e6 / r.UploadSeconds;
        md.AppendLine("## ma boîte SPRO: storage (targets: upload ≥ 70 % of a file copy, memory growth < 50 MB, quota never exceeded, folder of 10,000 files p95 < 50 ms)");
        md.AppendLine();
        md.AppendLine("The demo person's space in Orléans (1 Go), her token, the published host; files written to `Storage:DataPath` on the same disk as the copy.");
        md.AppendLine();
        md.AppendLine("| Transfer of 1 GB | Time | Rate | Ratio to the copy | ≥ 70 % |");
        md.AppendLine("|---|---|---|---|---|");
        md.AppendLine($"| `File.Copy` on the same disk | {r.CopySeconds:F1} s | {copyRate:F0} MB/s | 100 % | |");
        md.AppendLine($"| Upload `POST …/ma-boite/files` (streamed, type sniffed, SHA-256, quota) | {r.UploadSeconds:F1} s | {uploadRate:F0} MB/s | {uploadRate / copyRate * 100:F0} % | {Ok(uploadRate / copyRate >= 0.70)} |");
        md.AppendLine();
        md.AppendLine($"Host memory (RSS) {r.RssBefore:F0} MB before the upload, {r.RssPeak:F0} MB at its highest during it: +{r.RssPeak - r.RssBefore:F0} MB {Ok(r.RssPeak - r.RssBefore < 50)}.");
        md.AppendLine();
        md.AppendLine($"{Concurrent} uploads of {SmallFile / (1024 * 1024)} MB sent at once with {r.RoomBefore / 1e6:F1} MB left: {r.Accepted} accepted, {r.Refused} refused (quota), usage {r.UsedAfter:N0} of {r.QuotaBytes:N0} bytes,"
            + $" exactly the accepted files {Ok(r.Exact)}.");
        md.AppendLine();
        md.AppendLine($"| Listing a folder of {FolderFiles:N0} files (`GET …/ma-boite/files?folderId=`) | Clients | Requests | p50 | p95 | p99 | Throughput | Errors | p95 < 50 ms |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (clients, l) in r.Listing)
            md.AppendLine($"| JSON of the {FolderFiles:N0} files, sorted by name | {clients} | {l.Count} | {l.P50:F1} ms | {l.P95:F1} ms | {l.P99:F1} ms | {l.PerSecond:F0}/s | {l.Errors} | {Ok(l.P95 < 50)} |");
        return md.ToString();
    }
}
