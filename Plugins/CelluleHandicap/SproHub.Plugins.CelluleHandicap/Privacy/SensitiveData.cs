using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace SproHub.Plugins.CelluleHandicap.Privacy;

/// <summary>
/// Seals identifying and health fields with AES-256-GCM under a key kept outside the database: a copy of the database
/// alone reveals no name. Each value is bound to its row's id, so a sealed value copied to another row does not open.
/// The key comes from <c>CelluleHandicap:EncryptionKey</c> (base64, 32 bytes; what several hosts share), else from a
/// key file (<c>CelluleHandicap:KeyFile</c>, by default <c>{Storage:DataPath}/keys/cellule-handicap.key</c>, created
/// on first start). Former keys listed in <c>CelluleHandicap:PreviousKeys</c> still open what they sealed.
/// </summary>
public sealed class SensitiveData
{
    private const string Format = "v1";
    private readonly (string Id, byte[] Key) _active;
    private readonly Dictionary<string, byte[]> _keys;

    public SensitiveData(IConfiguration configuration)
    {
        var active = configuration["CelluleHandicap:EncryptionKey"] is { Length: > 0 } configured
            ? Decode(configured, "CelluleHandicap:EncryptionKey")
            : KeyFile(configuration["CelluleHandicap:KeyFile"] is { Length: > 0 } file ? file
                : Path.Combine(configuration["Storage:DataPath"] is { Length: > 0 } data ? data : "data", "keys", "cellule-handicap.key"));
        _active = (KeyId(active), active);
        _keys = configuration.GetSection("CelluleHandicap:PreviousKeys").GetChildren()
            .Select(c => Decode(c.Value ?? "", c.Path)).Append(active).DistinctBy(KeyId).ToDictionary(KeyId);
    }

    public string Seal<T>(T value, Guid owner)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(value);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(_active.Key, tag.Length)) aes.Encrypt(nonce, plain, cipher, tag, owner.ToByteArray());
        return $"{Format}.{_active.Id}.{Convert.ToBase64String([.. nonce, .. tag, .. cipher])}";
    }

    /// <summary>Null for an erased field.</summary>
    public T? Open<T>(string? sealedValue, Guid owner) where T : class
    {
        if (sealedValue is null) return null;
        var parts = sealedValue.Split('.');
        if (parts.Length != 3 || parts[0] != Format || !_keys.TryGetValue(parts[1], out var key))
            throw new CryptographicException("Donnée chiffrée illisible : la clé qui l'a chiffrée n'est pas configurée (CelluleHandicap:PreviousKeys).");
        var bytes = Convert.FromBase64String(parts[2]);
        var (nonceSize, tagSize) = (AesGcm.NonceByteSizes.MaxSize, AesGcm.TagByteSizes.MaxSize);
        var plain = new byte[bytes.Length - nonceSize - tagSize];
        using (var aes = new AesGcm(key, tagSize))
            aes.Decrypt(bytes.AsSpan(0, nonceSize), bytes.AsSpan(nonceSize + tagSize), bytes.AsSpan(nonceSize, tagSize), plain, owner.ToByteArray());
        return JsonSerializer.Deserialize<T>(plain);
    }

    private static string KeyId(byte[] key) => Convert.ToHexString(SHA256.HashData(key))[..8].ToLowerInvariant();

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

    private static byte[] KeyFile(string path)
    {
        if (File.Exists(path)) return Decode(File.ReadAllText(path), path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var key = RandomNumberGenerator.GetBytes(32);
        // CreateNew: two hosts starting together on one folder keep the first key written, never two.
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var stream = new FileStream(path, options);
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            return Decode(File.ReadAllText(path), path);
        }
    }
}
