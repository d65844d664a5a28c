namespace OneStop.Web.Catalog;

/// <summary>Texts of the catalogue pages: the Vietnamese text is the key, <c>CatalogText.en.resx</c> holds the English.</summary>
public sealed class CatalogText;
