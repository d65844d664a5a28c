namespace OneStop.Web.Catalog.Definitions;

/// <summary>
/// How an application moves through the one-stop desk and the competent unit: states, and the actions
/// that move it between them, who may take each action and how many working hours it may take.
/// </summary>
public sealed record WorkflowDefinition
{
    public required string InitialState { get; init; }

    public required IReadOnlyList<WorkflowState> States { get; init; }

    public required IReadOnlyList<WorkflowAction> Actions { get; init; }

    public WorkflowState? State(string key) => States.FirstOrDefault(s => s.Key == key);

    public IEnumerable<WorkflowAction> ActionsFrom(string state) => Actions.Where(a => a.From.Contains(state));

    /// <summary>
    /// The most working hours any path from the initial state to a final one can budget (actions that
    /// stop the clock, such as a supplement request, do not count).
    /// </summary>
    public int LongestBudgetedPathHours()
    {
        var finals = States.Where(s => s.Final).Select(s => s.Key).ToHashSet();
        return Longest(InitialState, []);

        int Longest(string state, HashSet<string> visited)
        {
            if (finals.Contains(state) || !visited.Add(state))
            {
                return 0;
            }

            var best = 0;
            foreach (var action in ActionsFrom(state).Where(a => !a.StopsClock))
            {
                best = Math.Max(best, (action.BudgetHours ?? 0) + Longest(action.To, visited));
            }

            visited.Remove(state);
            return best;
        }
    }
}

public sealed record WorkflowState
{
    public required string Key { get; init; }

    public required LocalizedText Name { get; init; }

    /// <summary>No action leaves a final state (result returned, refused, withdrawn).</summary>
    public bool Final { get; init; }
}

public sealed record WorkflowAction
{
    public required string Key { get; init; }

    public required LocalizedText Name { get; init; }

    public required IReadOnlyList<string> From { get; init; }

    public required string To { get; init; }

    /// <summary>The roles that may take the action (values of <c>Shared.Security.Roles</c>).</summary>
    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>Working hours allowed for the step that ends with this action.</summary>
    public int? BudgetHours { get; init; }

    /// <summary>The legal clock stops until the applicant answers (supplement, financial obligation).</summary>
    public bool StopsClock { get; init; }
}
