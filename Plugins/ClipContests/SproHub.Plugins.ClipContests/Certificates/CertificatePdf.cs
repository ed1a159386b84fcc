using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace SproHub.Plugins.ClipContests.Certificates;

/// <summary>The certificates as one PDF, a page (A4) per participant, with the platform's fonts embedded.</summary>
internal static class CertificatePdf
{
    private const string Family = "SproSans";

    public static byte[] Render(IReadOnlyList<Certificate> certificates)
    {
        SystemFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = "Attestations d'expérience professionnelle";
        var title = new XFont(Family, 20, XFontStyleEx.Bold);
        var heading = new XFont(Family, 13, XFontStyleEx.Bold);
        var body = new XFont(Family, 11, XFontStyleEx.Regular);
        foreach (var c in certificates)
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            using var gfx = XGraphics.FromPdfPage(page);
            var text = new XTextFormatter(gfx);
            var margin = XUnit.FromMillimeter(22).Point;
            var width = page.Width.Point - 2 * margin;
            var y = margin;
            void Write(string line, XFont font, double height)
            {
                text.DrawString(line, font, XBrushes.Black, new XRect(margin, y, width, height), XStringFormats.TopLeft);
                y += height;
            }
            Write($"Service public régional de l'orientation — {c.TerritoryName}", body, 30);
            Write("Attestation d'expérience professionnelle", title, 44);
            Write($"{c.FullName} (date de naissance : {c.BirthDate:dd/MM/yyyy}),", heading, 24);
            Write(c.Statement, body, 80);
            if (c.PrizeLine is { } prize) Write(prize, heading, 28);
            Write("Au cours de ce projet, elle ou il a acquis ou développé les compétences suivantes :", body, 26);
            foreach (var skill in c.Skills) Write($"•  {skill}", body, 20);
            y += 20;
            Write($"Fait le {c.IssuedOn:dd/MM/yyyy}, pour la coordination du SPRO et {c.StructureName}.", body, 24);
            Write("Signature et cachet :", body, 24);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>
    /// PDFsharp finds no font by itself on a Linux server: the certificates use DejaVu Sans (Debian's fonts-dejavu-core),
    /// or Liberation Sans, wherever the system keeps it.
    /// </summary>
    private sealed class SystemFonts : IFontResolver
    {
        private static readonly string[] Folders = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/truetype/liberation", "C:\\Windows\\Fonts"];
        private static readonly (string Regular, string Bold)[] Faces = [("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"), ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"), ("arial.ttf", "arialbd.ttf")];
        private static readonly Lazy<(byte[] Regular, byte[] Bold)> Files = new(Find);
        private static readonly object Gate = new();

        public static void Install()
        {
            lock (Gate) GlobalFontSettings.FontResolver ??= new SystemFonts();
        }

        private static (byte[], byte[]) Find()
        {
            foreach (var folder in Folders)
                foreach (var (regular, bold) in Faces)
                    if (File.Exists(Path.Combine(folder, regular)) && File.Exists(Path.Combine(folder, bold)))
                        return (File.ReadAllBytes(Path.Combine(folder, regular)), File.ReadAllBytes(Path.Combine(folder, bold)));
            throw new InvalidOperationException("Aucune police pour les PDF : installez fonts-dejavu-core (DejaVu Sans).");
        }

        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "bold" : "regular");

        public byte[] GetFont(string faceName) => faceName == "bold" ? Files.Value.Bold : Files.Value.Regular;
    }
}
