using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace SproHub.Plugins.CelluleHandicap.Privacy;

/// <summary>
/// Seals identifying and health fields with AES-256-GCM under a key kept outside the database (<see cref="SealingKeys"/>):
/// a copy of the database alone reveals no name. Each value is bound to its row's id, so a sealed value copied to another
/// row does not open. A value names the key that sealed it, so former keys still open what they sealed.
/// </summary>
public sealed class SensitiveData(SealingKeys keys)
{
    private const string Format = "v1";

    public SensitiveData(IConfiguration configuration) : this(SealingKeys.Load(configuration)) { }

    public string ActiveKeyId => keys.Active.Id;

    public string Seal<T>(T value, Guid owner) => SealBytes(JsonSerializer.SerializeToUtf8Bytes(value), owner);

    /// <summary>Null for an erased field.</summary>
    public T? Open<T>(string? sealedValue, Guid owner) where T : class =>
        sealedValue is null ? null : JsonSerializer.Deserialize<T>(OpenBytes(sealedValue, owner));

    /// <summary>Sealed with the active key (a rotation has nothing left to do for it).</summary>
    public bool IsCurrent(string sealedValue) => sealedValue.Split('.') is [Format, var id, _] && id == keys.Active.Id;

    /// <summary>The same value sealed again with the active key.</summary>
    public string Reseal(string sealedValue, Guid owner) => SealBytes(OpenBytes(sealedValue, owner), owner);

    private string SealBytes(byte[] plain, Guid owner)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(keys.Active.Key, tag.Length)) aes.Encrypt(nonce, plain, cipher, tag, owner.ToByteArray());
        return $"{Format}.{keys.Active.Id}.{Convert.ToBase64String([.. nonce, .. tag, .. cipher])}";
    }

    private byte[] OpenBytes(string sealedValue, Guid owner)
    {
        var parts = sealedValue.Split('.');
        if (parts.Length != 3 || parts[0] != Format || !keys.All.TryGetValue(parts[1], out var key))
            throw new CryptographicException("Donnée chiffrée illisible : la clé qui l'a chiffrée n'est pas configurée (CelluleHandicap:PreviousKeys).");
        var bytes = Convert.FromBase64String(parts[2]);
        var (nonceSize, tagSize) = (AesGcm.NonceByteSizes.MaxSize, AesGcm.TagByteSizes.MaxSize);
        var plain = new byte[bytes.Length - nonceSize - tagSize];
        using (var aes = new AesGcm(key, tagSize))
            aes.Decrypt(bytes.AsSpan(0, nonceSize), bytes.AsSpan(nonceSize + tagSize), bytes.AsSpan(nonceSize, tagSize), plain, owner.ToByteArray());
        return plain;
    }
}
