// The shop's fixed catalogue. Deliberately static: replays of the same session must see the same products, so the only
// volatile thing on a page is the footer clock.

export type ProductCategory = 'Lighting' | 'Kitchen' | 'Furniture' | 'Textiles';

export const PRODUCT_CATEGORIES: readonly ProductCategory[] = ['Lighting', 'Kitchen', 'Furniture', 'Textiles'];

export interface Review {
  author: string;
  rating: number;
  text: string;
}

export interface Product {
  id: number;
  name: string;
  category: ProductCategory;
  /** Integer pence, so totals never pick up floating-point cents. */
  pricePence: number;
  description: string;
  reviews: Review[];
}

export const PRODUCTS: readonly Product[] = [
  {
    id: 1,
    name: 'Brass Desk Lamp',
    category: 'Lighting',
    pricePence: 6400,
    description: 'A weighted brass lamp with an adjustable arm and a warm 2700 K bulb.',
    reviews: [
      { author: 'Priya', rating: 5, text: 'Solid, heavy and the light is lovely for reading.' },
      { author: 'Tom', rating: 4, text: 'Great lamp, the cable could be longer.' },
    ],
  },
  {
    id: 2,
    name: 'Paper Floor Lamp',
    category: 'Lighting',
    pricePence: 8900,
    description: 'A tall rice-paper shade on an oak stand that fills a room with soft light.',
    reviews: [{ author: 'Jonas', rating: 5, text: 'Looks like a sculpture when it is switched off.' }],
  },
  {
    id: 3,
    name: 'Pendant Shade',
    category: 'Lighting',
    pricePence: 3500,
    description: 'A spun-aluminium pendant shade in matte charcoal, fits standard fittings.',
    reviews: [],
  },
  {
    id: 4,
    name: 'Stoneware Mug',
    category: 'Kitchen',
    pricePence: 1200,
    description: 'A hand-glazed 350 ml mug that keeps coffee warm and survives the dishwasher.',
    reviews: [
      { author: 'Alice', rating: 5, text: 'My favourite mug, the glaze is beautiful.' },
      { author: 'Ben', rating: 3, text: 'Nice, but smaller than I expected.' },
    ],
  },
  {
    id: 5,
    name: 'Cast Iron Pan',
    category: 'Kitchen',
    pricePence: 4500,
    description: 'A pre-seasoned 26 cm cast iron pan for hob, oven and campfire.',
    reviews: [{ author: 'Marta', rating: 5, text: 'Heats evenly and will outlive me.' }],
  },
  {
    id: 6,
    name: 'Olive Wood Board',
    category: 'Kitchen',
    pricePence: 2800,
    description: 'A chopping and serving board cut from a single piece of olive wood.',
    reviews: [{ author: 'Sam', rating: 4, text: 'Gorgeous grain, oil it once a month.' }],
  },
  {
    id: 7,
    name: 'Oak Side Table',
    category: 'Furniture',
    pricePence: 14900,
    description: 'A solid oak side table with a lower shelf, assembled in five minutes.',
    reviews: [{ author: 'Chen', rating: 5, text: 'Sturdy and the finish is perfect.' }],
  },
  {
    id: 8,
    name: 'Rattan Lounge Chair',
    category: 'Furniture',
    pricePence: 27500,
    description: 'A low lounge chair in woven rattan with a linen seat cushion.',
    reviews: [
      { author: 'Lea', rating: 4, text: 'Very comfortable, the cushion is a bit thin.' },
      { author: 'Omar', rating: 5, text: 'The best seat in the house now.' },
    ],
  },
  {
    id: 9,
    name: 'Walnut Bookshelf',
    category: 'Furniture',
    pricePence: 32000,
    description: 'A five-shelf bookcase in walnut veneer with a wall anchor included.',
    reviews: [],
  },
  {
    id: 10,
    name: 'Linen Throw',
    category: 'Textiles',
    pricePence: 5600,
    description: 'A stonewashed linen throw, 130 by 170 cm, that gets softer with every wash.',
    reviews: [{ author: 'Ines', rating: 5, text: 'Soft and the colour is exactly as pictured.' }],
  },
  {
    id: 11,
    name: 'Wool Cushion',
    category: 'Textiles',
    pricePence: 3200,
    description: 'A 45 cm cushion in undyed wool with a feather insert.',
    reviews: [{ author: 'Noah', rating: 4, text: 'Cosy, the zip is well hidden.' }],
  },
  {
    id: 12,
    name: 'Cotton Table Runner',
    category: 'Textiles',
    pricePence: 2400,
    description: 'A block-printed cotton runner, 40 by 180 cm.',
    reviews: [],
  },
];

export function findProduct(id: number): Product | undefined {
  return PRODUCTS.find((product) => product.id === id);
}

/** Case-insensitive match on name, description and category; an empty query matches everything. */
export function searchProducts(query: string, category?: string): Product[] {
  const needle = query.trim().toLowerCase();
  return PRODUCTS.filter(
    (product) =>
      (!category || product.category === category) &&
      (!needle || `${product.name} ${product.description} ${product.category}`.toLowerCase().includes(needle)),
  );
}

export function formatPrice(pence: number): string {
  return `£${(pence / 100).toFixed(2)}`;
}
