using System.Globalization;
using System.Text;
using OneStop.IntegrationTests.Signing;
using ZXing;
using ZXing.Common;

namespace OneStop.IntegrationTests.Infrastructure;

/// <summary>
/// The QR codes a phone would read off a PDF's first page: the page rendered by poppler's pdftoppm as a grey image and
/// decoded by ZXing, two readers that owe nothing to the code that drew it.
/// </summary>
public static class QrCodes
{
    public static IReadOnlyList<string> OnFirstPage(byte[] pdf)
    {
        var folder = Directory.CreateTempSubdirectory("onestop-qr-");
        try
        {
            var file = Path.Combine(folder.FullName, "document.pdf");
            File.WriteAllBytes(file, pdf);
            var prefix = Path.Combine(folder.FullName, "page");
            SigningScenario.Run("pdftoppm", "-gray", "-r", "200", "-f", "1", "-l", "1", file, prefix);
            var image = Assert.Single(Directory.GetFiles(folder.FullName, "page*.pgm"));
            var (width, height, pixels) = ReadPgm(File.ReadAllBytes(image));
            var reader = new BarcodeReaderGeneric
            {
                AutoRotate = false,
                Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true },
            };
            var found = reader.DecodeMultiple(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8));
            return found is null ? [] : [.. found.Select(r => r.Text)];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A binary PGM ("P5", one byte a pixel), as pdftoppm -gray writes it.</summary>
    private static (int Width, int Height, byte[] Pixels) ReadPgm(byte[] file)
    {
        var position = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }

            var start = position;
            while (!char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }

            return Encoding.ASCII.GetString(file, start, position - start);
        }

        Assert.Equal("P5", Token());
        var width = int.Parse(Token(), CultureInfo.InvariantCulture);
        var height = int.Parse(Token(), CultureInfo.InvariantCulture);
        Assert.Equal("255", Token());
        position++;
        return (width, height, file[position..(position + (width * height))]);
    }
}
