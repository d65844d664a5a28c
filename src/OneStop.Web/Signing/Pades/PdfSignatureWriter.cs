using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace OneStop.Web.Signing.Pades;

/// <summary>
/// Adds a signature to a PDF as an incremental update (ISO 32000-1 §12.8, PAdES): the original bytes
/// stay untouched, and a signature field, its widget on the last page, a new catalog with the
/// AcroForm and a signature dictionary are appended. /ByteRange covers the whole file except the
/// /Contents hole, which receives the CMS signature computed over exactly those bytes.
/// </summary>
internal static class PdfSignatureWriter
{
    /// <summary>Room for the CMS: the certificate chain and a time-stamp token fit well within it.</summary>
    public const int ContentsCapacity = 16_384;

    private const string ByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";

    public static async Task<byte[]> SignAsync(
        byte[] pdf,
        DateTimeOffset signingTime,
        string signerName,
        SignatureDetails details,
        Func<byte[], Task<byte[]>> createCms)
    {
        var update = PrepareUpdate(pdf, signingTime, signerName, details, out var contentsOffset, out var byteRangeOffset);
        var file = new byte[pdf.Length + update.Length];
        pdf.CopyTo(file, 0);
        update.CopyTo(file, pdf.Length);

        var holeStart = pdf.Length + contentsOffset;
        var holeEnd = holeStart + 2 + 2 * ContentsCapacity;
        var byteRange = string.Create(CultureInfo.InvariantCulture, $"[0 {holeStart} {holeEnd} {file.Length - holeEnd}]").PadRight(ByteRangePlaceholder.Length);
        Encoding.ASCII.GetBytes(byteRange).CopyTo(file, pdf.Length + byteRangeOffset);

        var signedBytes = new byte[holeStart + (file.Length - holeEnd)];
        Array.Copy(file, 0, signedBytes, 0, holeStart);
        Array.Copy(file, holeEnd, signedBytes, holeStart, file.Length - holeEnd);
        var cms = await createCms(signedBytes);
        if (cms.Length > ContentsCapacity)
        {
            throw new InvalidOperationException($"The signature ({cms.Length} bytes) does not fit the {ContentsCapacity} bytes reserved for it.");
        }

        Encoding.ASCII.GetBytes(Convert.ToHexString(cms)).CopyTo(file, holeStart + 1);
        return file;
    }

    private static byte[] PrepareUpdate(byte[] pdf, DateTimeOffset signingTime, string signerName, SignatureDetails details, out int contentsOffset, out int byteRangeOffset)
    {
        using var document = PdfDocument.Open(pdf);
        var structure = document.Structure;
        var trailer = structure.Trailer;
        if (trailer.EncryptionToken is not null)
        {
            throw new InvalidOperationException("An encrypted PDF cannot be signed here.");
        }

        var catalogReference = trailer.Root;
        var catalog = (DictionaryToken)structure.GetObject(catalogReference).Data;
        var lastPage = PageReferences(structure, catalog).Last();
        var page = (DictionaryToken)structure.GetObject(lastPage).Data;

        var next = trailer.Size;
        var signatureNumber = next++;
        var fieldNumber = next++;
        var appearanceNumber = next++;
        var acroFormNumber = next++;
        var size = next;

        var objects = new List<(long Number, byte[] Body)>();

        // The signature dictionary is written by hand so that the offsets of its holes are known.
        var signature = new StringBuilder();
        signature.Append("<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached");
        signature.Append("/M").Append(PdfDate(signingTime));
        signature.Append("/Name").Append(PdfTextString(signerName));
        if (details.Reason is not null)
        {
            signature.Append("/Reason").Append(PdfTextString(details.Reason));
        }

        if (details.Location is not null)
        {
            signature.Append("/Location").Append(PdfTextString(details.Location));
        }

        signature.Append("/ByteRange");
        var byteRangeInSignature = signature.Length;
        signature.Append(ByteRangePlaceholder);
        signature.Append("/Contents");
        var contentsInSignature = signature.Length;
        signature.Append('<').Append('0', 2 * ContentsCapacity).Append('>');
        signature.Append(">>");
        objects.Add((signatureNumber, Encoding.ASCII.GetBytes(signature.ToString())));

        // An invisible widget (zero rectangle, printable) as PAdES and PDF/A allow; the visible mark is
        // the signature block and QR code already on the page.
        objects.Add((fieldNumber, Serialize(new DictionaryToken(new Dictionary<NameToken, IToken>
        {
            [NameToken.Type] = NameToken.Create("Annot"),
            [NameToken.Subtype] = NameToken.Create("Widget"),
            [NameToken.Create("FT")] = NameToken.Create("Sig"),
            [NameToken.Create("T")] = new StringToken($"Signature{signatureNumber}"),
            [NameToken.Create("V")] = Reference(signatureNumber),
            [NameToken.Create("F")] = new NumericToken(132),
            [NameToken.Rect] = new ArrayToken([new NumericToken(0), new NumericToken(0), new NumericToken(0), new NumericToken(0)]),
            [NameToken.P] = new IndirectReferenceToken(lastPage),
            [NameToken.Create("AP")] = new DictionaryToken(new Dictionary<NameToken, IToken> { [NameToken.Create("N")] = Reference(appearanceNumber) }),
        }))));
        objects.Add((appearanceNumber, Encoding.ASCII.GetBytes("<</Type/XObject/Subtype/Form/BBox[0 0 0 0]/Length 0>>\nstream\n\nendstream")));

        var fields = new List<IToken>();
        if (catalog.TryGet(NameToken.Create("AcroForm"), out IToken? existingForm))
        {
            var form = existingForm is IndirectReferenceToken formReference
                ? (DictionaryToken)structure.GetObject(formReference.Data).Data
                : (DictionaryToken)existingForm;
            if (form.TryGet(NameToken.Create("Fields"), out IToken? existingFields))
            {
                var array = existingFields is IndirectReferenceToken fieldsReference
                    ? (ArrayToken)structure.GetObject(fieldsReference.Data).Data
                    : (ArrayToken)existingFields;
                fields.AddRange(array.Data);
            }
        }

        fields.Add(Reference(fieldNumber));
        objects.Add((acroFormNumber, Serialize(new DictionaryToken(new Dictionary<NameToken, IToken>
        {
            [NameToken.Create("Fields")] = new ArrayToken(fields),
            [NameToken.Create("SigFlags")] = new NumericToken(3),
        }))));

        var newCatalog = new Dictionary<NameToken, IToken>(catalog.Data.ToDictionary(p => NameToken.Create(p.Key), p => p.Value))
        {
            [NameToken.Create("AcroForm")] = Reference(acroFormNumber),
        };
        objects.Add((catalogReference.ObjectNumber, Serialize(new DictionaryToken(newCatalog))));

        var annotations = new List<IToken>();
        if (page.TryGet(NameToken.Annots, out IToken? existingAnnotations))
        {
            var array = existingAnnotations is IndirectReferenceToken annotationsReference
                ? (ArrayToken)structure.GetObject(annotationsReference.Data).Data
                : (ArrayToken)existingAnnotations;
            annotations.AddRange(array.Data);
        }

        annotations.Add(Reference(fieldNumber));
        var newPage = new Dictionary<NameToken, IToken>(page.Data.ToDictionary(p => NameToken.Create(p.Key), p => p.Value))
        {
            [NameToken.Annots] = new ArrayToken(annotations),
        };
        objects.Add((lastPage.ObjectNumber, Serialize(new DictionaryToken(newPage))));

        // Write the update: objects, a classic cross-reference section chained to the previous one.
        using var output = new MemoryStream();
        var ascii = Encoding.ASCII;
        var startsWithNewLine = pdf.Length > 0 && pdf[^1] is (byte)'\n' or (byte)'\r';
        if (!startsWithNewLine)
        {
            output.WriteByte((byte)'\n');
        }

        var offsets = new SortedDictionary<long, long>();
        contentsOffset = -1;
        byteRangeOffset = -1;
        foreach (var (number, body) in objects)
        {
            offsets[number] = pdf.Length + output.Position;
            var header = ascii.GetBytes($"{number} 0 obj\n");
            output.Write(header);
            if (number == signatureNumber)
            {
                contentsOffset = (int)output.Position + contentsInSignature;
                byteRangeOffset = (int)output.Position + byteRangeInSignature;
            }

            output.Write(body);
            output.Write(ascii.GetBytes("\nendobj\n"));
        }

        var xrefOffset = pdf.Length + output.Position;
        var xref = new StringBuilder("xref\n0 1\n0000000000 65535 f\r\n");
        foreach (var (number, offset) in offsets)
        {
            xref.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n\r\n");
        }

        var trailerEntries = new Dictionary<NameToken, IToken>
        {
            [NameToken.Size] = new NumericToken(size),
            [NameToken.Root] = new IndirectReferenceToken(catalogReference),
            [NameToken.Prev] = new NumericToken(structure.XrefOffset),
        };
        if (trailer.Info is { } info)
        {
            trailerEntries[NameToken.Info] = info;
        }

        if (trailer.Identifier is { Count: 2 } identifier)
        {
            trailerEntries[NameToken.Id] = new ArrayToken([.. identifier]);
        }

        xref.Append("trailer\n");
        output.Write(ascii.GetBytes(xref.ToString()));
        output.Write(Serialize(new DictionaryToken(trailerEntries)));
        output.Write(ascii.GetBytes(string.Create(CultureInfo.InvariantCulture, $"\nstartxref\n{xrefOffset}\n%%EOF\n")));
        return output.ToArray();
    }

    private static List<IndirectReference> PageReferences(Structure structure, DictionaryToken catalog)
    {
        var pages = new List<IndirectReference>();
        var root = (IndirectReferenceToken)catalog.Data[NameToken.Pages.Data];
        Collect(root.Data, 0);
        return pages.Count > 0 ? pages : throw new InvalidOperationException("The PDF has no page to put the signature on.");

        void Collect(IndirectReference reference, int depth)
        {
            if (depth > 32)
            {
                throw new InvalidOperationException("The PDF's page tree is too deep.");
            }

            var node = (DictionaryToken)structure.GetObject(reference).Data;
            if (node.TryGet(NameToken.Kids, out ArrayToken kids))
            {
                foreach (var kid in kids.Data.OfType<IndirectReferenceToken>())
                {
                    Collect(kid.Data, depth + 1);
                }
            }
            else
            {
                pages.Add(reference);
            }
        }
    }

    private static IndirectReferenceToken Reference(long number) => new(new IndirectReference(number, 0));

    private static byte[] Serialize(IToken token)
    {
        using var stream = new MemoryStream();
        TokenWriter.Instance.WriteToken(token, stream);
        return stream.ToArray();
    }

    /// <summary>(D:20260205093000+07'00'), in Vietnam's time, as a reader expects to see it.</summary>
    internal static string PdfDate(DateTimeOffset instant)
    {
        var local = instant.ToOffset(TimeSpan.FromHours(7));
        return string.Create(CultureInfo.InvariantCulture, $"(D:{local:yyyyMMddHHmmss}+07'00')");
    }

    /// <summary>A text string as UTF-16BE with a byte order mark, written in hex: safe for any Vietnamese text.</summary>
    internal static string PdfTextString(string text) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";
}
