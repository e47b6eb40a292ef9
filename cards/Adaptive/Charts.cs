namespace Kinerja.Cards;

/// <summary>
/// Teams' line chart (<c>Chart.Line</c>; Microsoft Learn "Charts in Adaptive Cards"): one or more series of x/y
/// points. Teams renders charts on desktop and web but not on iOS, and the official renderer does not know them, so a
/// chart always carries a plain-text <see cref="CardElement.Fallback"/> (a FactSet or TextBlock with the same numbers).
/// </summary>
public sealed class LineChart : CardElement
{
    public string? Title { get; init; }

    public string? XAxisTitle { get; init; }

    public string? YAxisTitle { get; init; }

    /// <summary>A named colour set of the host (<c>categorical</c>, <c>sequential</c>, <c>diverging</c>); null = host default.</summary>
    public string? ColorSet { get; init; }

    public List<LineChartSeries> Data { get; init; } = [];
}

public sealed class LineChartSeries
{
    public required string Legend { get; init; }

    public List<LineChartPoint> Values { get; init; } = [];

    /// <summary>A chart colour name of the host (<c>good</c>, <c>warning</c>, <c>attention</c>, …); null = from the colour set.</summary>
    public string? Color { get; init; }
}

/// <summary>A point: <c>x</c> is a category label (<c>"TW I"</c>), <c>y</c> a number.</summary>
public sealed record LineChartPoint(string X, decimal Y);
