namespace OneStop.Web.Exchange;

/// <summary>Texts of the exchange pages; the Vietnamese text is the key, <c>ExchangeText.en.resx</c> holds the English.</summary>
public sealed class ExchangeText;
