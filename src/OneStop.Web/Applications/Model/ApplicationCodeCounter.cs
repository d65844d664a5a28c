namespace OneStop.Web.Applications.Model;

/// <summary>The last sequence number given to a unit's applications on one day (the code's last part).</summary>
public sealed class ApplicationCodeCounter
{
    public required string UnitCode { get; init; }

    public required DateOnly Day { get; init; }

    public int LastSequence { get; set; }
}
