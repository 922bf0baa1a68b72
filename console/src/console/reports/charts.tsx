// Charts of the value report (chart.js through react-chartjs-2), each with its figures as a
// table under it: the canvas is a picture; the table is what screen readers and keyboards get.
import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from "chart.js";
import { Bar, Line } from "react-chartjs-2";

// Only what the charts here use.
ChartJS.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend);

const PALETTE = ["#1f5fbf", "#e07a1f", "#2e9e5b", "#8e44ad", "#c0392b", "#16a0a8", "#7f8c8d", "#b8860b"];

export function colour(index: number): string {
  return PALETTE[index % PALETTE.length];
}

export interface Series {
  label: string;
  values: number[];
}

export interface FigureTable {
  /** What the figures are: the table's caption. */
  title: string;
  /** Header of the first column (what the labels are). */
  rowHeader: string;
  labels: string[];
  series: Series[];
  /** How to print a value of series `index`. */
  format?: (value: number, index: number) => string;
}

interface ChartFigureProps extends FigureTable {
  /** The chart's heading id (its figure is labelled by it). */
  headingId: string;
  kind: "bar" | "stacked-bar" | "line";
  /** Text for the y axis. */
  yTitle: string;
  caption?: React.ReactNode;
}

export function ChartFigure(props: ChartFigureProps) {
  const { labels, series, kind, yTitle } = props;
  const options: ChartOptions<"bar" | "line"> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: { legend: { position: "bottom" } },
    scales: {
      x: { stacked: kind === "stacked-bar" },
      y: {
        stacked: kind === "stacked-bar",
        beginAtZero: true,
        title: { display: true, text: yTitle },
        ticks: { precision: 0 },
      },
    },
  };
  const summary = `${yTitle} by ${props.rowHeader.toLowerCase()}; the figures are in the table below.`;
  return (
    <figure className="chart" aria-labelledby={props.headingId}>
      <div className="chart-canvas">
        {kind === "line" ? (
          <Line
            aria-label={summary}
            role="img"
            options={options as ChartOptions<"line">}
            data={
              {
                labels,
                datasets: series.map((s, i) => ({
                  label: s.label,
                  data: s.values,
                  borderColor: colour(i),
                  backgroundColor: colour(i),
                  tension: 0.2,
                })),
              } satisfies ChartData<"line">
            }
          />
        ) : (
          <Bar
            aria-label={summary}
            role="img"
            options={options as ChartOptions<"bar">}
            data={
              {
                labels,
                datasets: series.map((s, i) => ({
                  label: s.label,
                  data: s.values,
                  backgroundColor: colour(i),
                })),
              } satisfies ChartData<"bar">
            }
          />
        )}
      </div>
      {props.caption && <figcaption className="muted small">{props.caption}</figcaption>}
      <details className="figures">
        <summary>Show the figures</summary>
        <FiguresTable {...props} />
      </details>
    </figure>
  );
}

export function FiguresTable({ title, rowHeader, labels, series, format }: FigureTable) {
  const show = format ?? ((v: number) => v.toLocaleString(undefined, { maximumFractionDigits: 2 }));
  return (
    <table>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {series.map((s) => (
            <th scope="col" key={s.label}>
              {s.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {labels.map((label, row) => (
          <tr key={label + row}>
            <th scope="row">{label}</th>
            {series.map((s, index) => (
              <td key={s.label} className="number">
                {show(s.values[row] ?? 0, index)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
