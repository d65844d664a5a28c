namespace OneStop.Web.Documents;

/// <summary>
/// The Noto fonts shipped inside the application (SIL Open Font License, see Fonts/OFL.txt), so that
/// a document looks and extracts the same on every server whatever fonts it has installed.
/// </summary>
internal static class DocumentFonts
{
    private static readonly Lazy<byte[]> Serif = new(() => Load("NotoSerif-Regular.ttf"));
    private static readonly Lazy<byte[]> SerifBoldFont = new(() => Load("NotoSerif-Bold.ttf"));
    private static readonly Lazy<byte[]> Sans = new(() => Load("NotoSans-Regular.ttf"));
    private static readonly Lazy<byte[]> SansBoldFont = new(() => Load("NotoSans-Bold.ttf"));

    public static byte[] SerifRegular => Serif.Value;

    public static byte[] SerifBold => SerifBoldFont.Value;

    public static byte[] SansRegular => Sans.Value;

    public static byte[] SansBold => SansBoldFont.Value;

    private static byte[] Load(string file)
    {
        var name = $"OneStop.Web.Documents.Fonts.{file}";
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource {name} is missing from the build.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
