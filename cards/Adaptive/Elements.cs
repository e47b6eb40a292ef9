using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Kinerja.Cards;

/// <summary>
/// An element of a card body (Adaptive Card schema 1.5, plus Teams' <c>Chart.*</c>). The JSON <c>type</c> comes from
/// the discriminators below; an element nested anywhere (body, items, cells, fallback) is written with it.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Table), "Table")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(LineChart), "Chart.Line")]
[JsonDerivedType(typeof(InputText), "Input.Text")]
[JsonDerivedType(typeof(InputToggle), "Input.Toggle")]
[JsonDerivedType(typeof(InputNumber), "Input.Number")]
[JsonDerivedType(typeof(InputDate), "Input.Date")]
[JsonDerivedType(typeof(InputTime), "Input.Time")]
[JsonDerivedType(typeof(InputChoiceSet), "Input.ChoiceSet")]
public abstract class CardElement
{
    private protected CardElement()
    {
    }

    /// <summary>Unique in the card; the target of Action.ToggleVisibility. Keep ids short: they count towards 28 KB.</summary>
    public string? Id { get; init; }

    public bool? IsVisible { get; init; }

    public bool? Separator { get; init; }

    public Spacing? Spacing { get; init; }

    public HorizontalAlignment? HorizontalAlignment { get; init; }

    /// <summary>Rendered instead when the host does not know this element (Teams charts on iOS, older clients).</summary>
    public CardElement? Fallback { get; init; }
}

public sealed class TextBlock : CardElement
{
    public TextBlock()
    {
    }

    [SetsRequiredMembers]
    public TextBlock(string text) => Text = text;

    /// <summary>Plain text with Teams' markdown subset (<c>**bold**</c>, lists); required.</summary>
    public required string Text { get; init; }

    public bool? Wrap { get; init; }

    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public FontType? FontType { get; init; }

    public int? MaxLines { get; init; }

    public TextBlockStyle? Style { get; init; }
}

public sealed class RichTextBlock : CardElement
{
    public List<TextRun> Inlines { get; init; } = [];
}

/// <summary>An inline of a RichTextBlock. Always written with <c>"type":"TextRun"</c>.</summary>
public sealed class TextRun
{
    [JsonPropertyOrder(-1)]
    public string Type => "TextRun";

    public required string Text { get; init; }

    public TextSize? Size { get; init; }

    public TextWeight? Weight { get; init; }

    public TextColor? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public bool? Italic { get; init; }

    public bool? Strikethrough { get; init; }

    public bool? Highlight { get; init; }

    public FontType? FontType { get; init; }
}

public sealed class Image : CardElement
{
    /// <summary>Required by the schema; Teams needs public HTTPS, at most 1024×1024 (botframework-protocol.md §4.6).</summary>
    public required Uri Url { get; init; }

    public string? AltText { get; init; }

    public ImageSize? Size { get; init; }

    public ImageStyle? Style { get; init; }
}

public sealed class FactSet : CardElement
{
    public List<Fact> Facts { get; init; } = [];
}

/// <summary>A title/value pair. Both are required by the schema (the official renderer does not check it: the linter does).</summary>
public sealed record Fact(string Title, string Value);

public sealed class Container : CardElement
{
    public List<CardElement> Items { get; init; } = [];

    public ContainerStyle? Style { get; init; }

    public bool? Bleed { get; init; }

    public VerticalAlignment? VerticalContentAlignment { get; init; }

    public CardAction? SelectAction { get; init; }
}

public sealed class ColumnSet : CardElement
{
    public List<Column> Columns { get; init; } = [];

    public ContainerStyle? Style { get; init; }

    public bool? Bleed { get; init; }
}

/// <summary>A column of a ColumnSet. Always written with <c>"type":"Column"</c>.</summary>
public sealed class Column
{
    [JsonPropertyOrder(-1)]
    public string Type => "Column";

    public string? Id { get; init; }

    public ColumnWidth? Width { get; init; }

    public List<CardElement> Items { get; init; } = [];

    public ContainerStyle? Style { get; init; }

    public VerticalAlignment? VerticalContentAlignment { get; init; }

    public Spacing? Spacing { get; init; }

    public bool? Separator { get; init; }
}

/// <summary>Table (schema 1.5). The first row is a header row by default.</summary>
public sealed class Table : CardElement
{
    public List<TableColumnDefinition> Columns { get; init; } = [];

    public List<TableRow> Rows { get; init; } = [];

    public bool? ShowGridLines { get; init; }

    public ContainerStyle? GridStyle { get; init; }

    public HorizontalAlignment? HorizontalCellContentAlignment { get; init; }

    public VerticalAlignment? VerticalCellContentAlignment { get; init; }
}

public sealed class TableColumnDefinition
{
    public ColumnWidth? Width { get; init; }

    /// <summary>Set once per column instead of on every cell: keeps the card small.</summary>
    public HorizontalAlignment? HorizontalCellContentAlignment { get; init; }

    public VerticalAlignment? VerticalCellContentAlignment { get; init; }
}

public sealed class TableRow
{
    [JsonPropertyOrder(-1)]
    public string Type => "TableRow";

    public List<TableCell> Cells { get; init; } = [];

    public ContainerStyle? Style { get; init; }
}

public sealed class TableCell
{
    public TableCell()
    {
    }

    [SetsRequiredMembers]
    public TableCell(params CardElement[] items) => Items = [.. items];

    [JsonPropertyOrder(-1)]
    public string Type => "TableCell";

    public required List<CardElement> Items { get; init; }

    public ContainerStyle? Style { get; init; }
}

public sealed class ActionSet : CardElement
{
    public List<CardAction> Actions { get; init; } = [];
}

/// <summary>Common properties of inputs (schema 1.3+): <see cref="CardElement.Id"/> is the key of the value in the action's data.</summary>
public abstract class CardInput : CardElement
{
    private protected CardInput()
    {
    }

    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

/// <summary>A text box; its value is sent under its id.</summary>
public sealed class InputText : CardInput
{
    public string? Placeholder { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public string? Value { get; init; }
}

/// <summary>A checkbox; sends <see cref="ValueOn"/> or <see cref="ValueOff"/> (strings) under its id.</summary>
public sealed class InputToggle : CardInput
{
    public required string Title { get; init; }

    public string? Value { get; init; }

    public string? ValueOn { get; init; }

    public string? ValueOff { get; init; }

    public bool? Wrap { get; init; }
}

/// <summary>A number box; the client sends what was typed (a number or a string) under its id. Parse it on the server.</summary>
public sealed class InputNumber : CardInput
{
    public string? Placeholder { get; init; }

    public decimal? Value { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }
}

/// <summary>A date picker; the client sends <c>yyyy-MM-dd</c> (or, without a picker, what was typed) under its id. Parse it on the server.</summary>
public sealed class InputDate : CardInput
{
    public string? Placeholder { get; init; }

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public string? Value { get; init; }

    public string? Min { get; init; }

    public string? Max { get; init; }
}

/// <summary>A time picker; the client sends <c>HH:mm</c> under its id.</summary>
public sealed class InputTime : CardInput
{
    public string? Placeholder { get; init; }

    /// <summary><c>HH:mm</c>.</summary>
    public string? Value { get; init; }
}

/// <summary>A choice list; sends the chosen value (or the values joined with commas when <see cref="IsMultiSelect"/>) under its id.</summary>
public sealed class InputChoiceSet : CardInput
{
    public List<Choice> Choices { get; init; } = [];

    public bool? IsMultiSelect { get; init; }

    /// <summary><c>compact</c> (a drop-down) or <c>expanded</c> (radio buttons / checkboxes).</summary>
    public string? Style { get; init; }

    public string? Placeholder { get; init; }

    /// <summary>The chosen value(s), comma-separated.</summary>
    public string? Value { get; init; }

    public bool? Wrap { get; init; }
}

public sealed record Choice(string Title, string Value);

