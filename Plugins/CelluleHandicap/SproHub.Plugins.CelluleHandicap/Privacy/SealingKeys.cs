using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace SproHub.Plugins.CelluleHandicap.Privacy;

/// <summary>
/// The keys of <see cref="SensitiveData"/>: the active one seals, every one opens. The active key comes from
/// <c>CelluleHandicap:EncryptionKey</c> (base64, 32 bytes; what several hosts share), else from a key file
/// (<c>CelluleHandicap:KeyFile</c>, by default <c>{Storage:DataPath}/keys/cellule-handicap.key</c>) created per
/// installation on first start. Former keys: <c>CelluleHandicap:PreviousKeys</c>, and the files a rotation keeps in
/// the folder beside the key file (<c>cellule-handicap.previous/</c>) until every value is sealed again.
/// </summary>
public sealed class SealingKeys
{
    private SealingKeys((string Id, byte[] Key) active, IReadOnlyDictionary<string, byte[]> all) => (Active, All) = (active, all);

    public (string Id, byte[] Key) Active { get; }
    public IReadOnlyDictionary<string, byte[]> All { get; }
    public IEnumerable<string> FormerIds => All.Keys.Where(id => id != Active.Id);

    public static SealingKeys Load(IConfiguration configuration)
    {
        var file = KeyFile(configuration);
        var active = IsConfigured(configuration)
            ? Decode(configuration["CelluleHandicap:EncryptionKey"]!, "CelluleHandicap:EncryptionKey")
            : ReadOrCreate(file);
        var previousFiles = Directory.Exists(PreviousFolder(file))
            ? Directory.GetFiles(PreviousFolder(file), "*.key").Order(StringComparer.Ordinal).Select(f => Decode(File.ReadAllText(f), f))
            : [];
        var previous = configuration.GetSection("CelluleHandicap:PreviousKeys").GetChildren().Select(c => Decode(c.Value ?? "", c.Path)).Concat(previousFiles);
        return new SealingKeys((IdOf(active), active), previous.Append(active).DistinctBy(IdOf).ToDictionary(IdOf));
    }

    /// <summary>The key is set in configuration: a rotation is the operator's (a new key there, the old one in PreviousKeys).</summary>
    public static bool IsConfigured(IConfiguration configuration) => configuration["CelluleHandicap:EncryptionKey"] is { Length: > 0 };

    public static string KeyFile(IConfiguration configuration) => Path.GetFullPath(configuration["CelluleHandicap:KeyFile"] is { Length: > 0 } file ? file
        : Path.Combine(configuration["Storage:DataPath"] is { Length: > 0 } data ? data : "data", "keys", "cellule-handicap.key"));

    public static string PreviousFolder(string keyFile) => Path.Combine(Path.GetDirectoryName(keyFile)!, Path.GetFileNameWithoutExtension(keyFile) + ".previous");

    /// <summary>
    /// A new key in the key file, the old one kept first among the former keys: a crash at any step leaves every
    /// sealed value readable, and running the rotation again finishes it.
    /// </summary>
    /// <returns>The former key's id and the new one's.</returns>
    public static (string Former, string New) RotateKeyFile(IConfiguration configuration)
    {
        var file = KeyFile(configuration);
        var former = ReadOrCreate(file);
        var previous = Directory.CreateDirectory(PreviousFolder(file)).FullName;
        WriteDurably(Path.Combine(previous, IdOf(former) + ".key"), former);
        var key = RandomNumberGenerator.GetBytes(32);
        var temporary = file + ".new";
        WriteDurably(temporary, key);
        File.Move(temporary, file, overwrite: true); // atomic: the file holds one key or the other, never half of one
        return (IdOf(former), IdOf(key));
    }

    public static string IdOf(byte[] key) => Convert.ToHexString(SHA256.HashData(key))[..8].ToLowerInvariant();

    private static byte[] Decode(string base64, string setting)
    {
        try
        {
            var key = Convert.FromBase64String(base64.Trim());
            if (key.Length == 32) return key;
        }
        catch (FormatException) { }
        throw new InvalidOperationException($"{setting} : une clé AES-256 en base64 (32 octets) est attendue.");
    }

    private static byte[] ReadOrCreate(string path)
    {
        if (File.Exists(path)) return Decode(File.ReadAllText(path), path);
        var key = RandomNumberGenerator.GetBytes(32);
        // CreateNew: two hosts starting together on one folder keep the first key written, never two.
        try
        {
            WriteDurably(path, key, FileMode.CreateNew);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            return Decode(File.ReadAllText(path), path);
        }
    }

    private static void WriteDurably(string path, byte[] key, FileMode mode = FileMode.Create)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
        stream.Flush(flushToDisk: true);
    }
}
