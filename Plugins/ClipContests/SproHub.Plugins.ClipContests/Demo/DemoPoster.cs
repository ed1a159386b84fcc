using System.IO.Compression;

namespace SproHub.Plugins.ClipContests.Demo;

/// <summary>A plain-coloured PNG (320 × 180) for the demo's posters: the demo ships no image of anyone.</summary>
internal static class DemoPoster
{
    public static byte[] Png(byte red, byte green, byte blue, int width = 320, int height = 180)
    {
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[1 + width * 3]; // filter byte 0, then RGB
            for (var x = 0; x < width; x++) (row[1 + x * 3], row[2 + x * 3], row[3 + x * 3]) = (red, green, blue);
            for (var y = 0; y < height; y++) zlib.Write(row);
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [.. BigEndian(width), .. BigEndian(height), 8, 2, 0, 0, 0]);
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static void Chunk(Stream png, string type, byte[] data)
    {
        png.Write(BigEndian(data.Length));
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        png.Write(BigEndian((int)Crc32(typed)));
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
