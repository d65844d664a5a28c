using System.Globalization;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace OneStop.Web.Signing.Pades;

/// <summary>A signature dictionary found in a PDF: what it says it covers and the CMS it holds.</summary>
internal sealed record PdfSignatureField(long[] ByteRange, byte[] Contents, string? SubFilter, DateTimeOffset? ClaimedSigningTime);

/// <summary>Finds the signature fields of a PDF through its AcroForm, as a conforming reader does.</summary>
internal static class PdfSignatureReader
{
    public static IReadOnlyList<PdfSignatureField> Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var structure = document.Structure;
        var catalog = (DictionaryToken)structure.GetObject(structure.Trailer.Root).Data;
        if (!catalog.TryGet(NameToken.Create("AcroForm"), out IToken? formToken))
        {
            return [];
        }

        var form = Resolve<DictionaryToken>(structure, formToken);
        if (form is null || !form.TryGet(NameToken.Create("Fields"), out IToken? fieldsToken) || Resolve<ArrayToken>(structure, fieldsToken) is not { } fields)
        {
            return [];
        }

        var found = new List<PdfSignatureField>();
        foreach (var fieldToken in fields.Data)
        {
            if (Resolve<DictionaryToken>(structure, fieldToken) is not { } field
                || !field.TryGet(NameToken.Create("V"), out IToken? valueToken)
                || Resolve<DictionaryToken>(structure, valueToken) is not { } value
                || !value.TryGet(NameToken.Create("ByteRange"), out IToken? rangeToken)
                || Resolve<ArrayToken>(structure, rangeToken) is not { } range
                || !value.TryGet(NameToken.Contents, out IToken? contentsToken))
            {
                continue;
            }

            var contents = contentsToken switch
            {
                HexToken hex => hex.Bytes.ToArray(),
                StringToken text => text.GetBytes(),
                _ => [],
            };
            var subFilter = value.TryGet(NameToken.Create("SubFilter"), out NameToken name) ? name.Data : null;
            DateTimeOffset? claimed = value.TryGet(NameToken.Create("M"), out StringToken m) ? ParseDate(m.Data) : null;
            found.Add(new PdfSignatureField(
                range.Data.OfType<NumericToken>().Select(n => n.Long).ToArray(),
                contents,
                subFilter,
                claimed));
        }

        return found;
    }

    private static T? Resolve<T>(Structure structure, IToken token) where T : class, IToken =>
        token is IndirectReferenceToken reference ? structure.GetObject(reference.Data).Data as T : token as T;

    /// <summary>D:YYYYMMDDHHmmSS+HH'mm' (ISO 32000-1 §7.9.4).</summary>
    internal static DateTimeOffset? ParseDate(string text)
    {
        var value = text.StartsWith("D:", StringComparison.Ordinal) ? text[2..] : text;
        if (value.Length < 14 || !DateTime.TryParseExact(value[..14], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var offset = TimeSpan.Zero;
        if (value.Length >= 17 && value[14] is '+' or '-')
        {
            var hours = int.Parse(value.AsSpan(15, 2), CultureInfo.InvariantCulture);
            var minutes = value.Length >= 20 ? int.Parse(value.AsSpan(18, 2), CultureInfo.InvariantCulture) : 0;
            offset = new TimeSpan(hours, minutes, 0) * (value[14] == '-' ? -1 : 1);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
